// Typed calls to the server's JSON API. Errors become ApiError with a message meant for people.

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'offline', 'Cannot reach the Mockroom server. Check your connection and try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body && body.error;
    throw new ApiError(res.status, e?.code ?? 'error', e?.message ?? `The server answered ${res.status}.`);
  }
  return body as T;
}

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface QuestionSummary {
  id: string;
  prompt: string;
  difficulty: Difficulty;
  difficultyInferred: boolean;
  topic: string;
  topicInferred: boolean;
  sourceCount: number;
}

export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export interface SourceRef { file: string; position: string }

export interface QuestionDetail {
  id: string;
  prompt: string;
  answer: string;
  alternates: { answer: string; source: SourceRef }[];
  difficulty: Difficulty;
  difficultyInferred: boolean;
  topic: string;
  topicInferred: boolean;
  keyPoints: string[];
  sources: (SourceRef & { prompt: string })[];
  author: string | null;
  updatedAt: string;
}

export const api = {
  questions: (query: URLSearchParams) => getJson<Page<QuestionSummary>>(`/api/questions?${query}`),
  question: (id: string) => getJson<QuestionDetail>(`/api/questions/${encodeURIComponent(id)}`),
  topics: () => getJson<{ topics: { topic: string; count: number }[] }>('/api/topics'),
  sources: () => getJson<{ sources: { file: string; count: number }[] }>('/api/sources'),
};
