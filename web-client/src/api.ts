// Typed calls to the server's JSON API. Errors become ApiError with a message meant for people.

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  return call<T>(path, { method: 'GET' });
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

export async function deleteJson<T>(path: string): Promise<T> {
  return call<T>(path, { method: 'DELETE' });
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

/** POSTs {@code text} as it is (a file's contents), not as JSON. */
export async function postText<T>(path: string, text: string): Promise<T> {
  return call<T>(path, { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'offline', 'Cannot reach the Mockroom server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
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
  asked: number | null;
  averageRubric: number | null;
  /** 'import': the bundled bank, read-only; 'author': written in the viewer's organisation. */
  origin: 'import' | 'author';
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
  origin: 'import' | 'author';
}

/** A question as an interviewer writes it (POST and PUT /api/questions). */
export interface QuestionDraft { prompt: string; answer: string; topic: string; difficulty: Difficulty; keyPoints: string[] }

/** What an import would do (dry run) or did to one question of the file (POST /api/questions/import). */
export interface ImportOutcome {
  /** 1-based, in the file's order; {@code line} is where it starts, or where its problem is. */
  index: number; line: number;
  prompt: string | null;
  outcome: 'created' | 'updated' | 'unchanged' | 'refused';
  reason: string | null;
  /** For an update: the fields that change (prompt, topic, difficulty, keyPoints, answer). */
  changed: string[];
  id: string | null;
}

export interface ImportReport {
  dryRun: boolean; imported: boolean; format: 'json' | 'markdown';
  counts: { created: number; updated: number; unchanged: number; refused: number };
  questions: ImportOutcome[];
}

/** The largest file the server imports (QuestionFile.MAX_BYTES): checked here first, so a big file is not sent for nothing. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const api = {
  questions: (query: URLSearchParams) => getJson<Page<QuestionSummary>>(`/api/questions?${query}`),
  question: (id: string) => getJson<QuestionDetail>(`/api/questions/${encodeURIComponent(id)}`),
  createQuestion: (draft: QuestionDraft) => postJson<QuestionDetail>('/api/questions', draft),
  updateQuestion: (id: string, draft: QuestionDraft) => putJson<QuestionDetail>(`/api/questions/${encodeURIComponent(id)}`, draft),
  removeQuestion: (id: string) => deleteJson<void>(`/api/questions/${encodeURIComponent(id)}`),
  /** A dry run says what would happen; otherwise all or nothing (a refusal is a 422, nothing written). */
  importQuestions: (file: string, dryRun: boolean) => postText<ImportReport>(`/api/questions/import?dryRun=${dryRun}`, file),
  topics: () => getJson<{ topics: { topic: string; count: number }[] }>('/api/topics'),
  sources: () => getJson<{ sources: { file: string; count: number }[] }>('/api/sources'),
};

export interface Account { id: string; organisationId: string; organisationName: string; email: string; name: string; role: string }

export interface PlanEntry { position: number; questionId: string; prompt: string; topic: string; difficulty: Difficulty; minutes: number | null }

export interface SessionSummary {
  id: string; title: string; candidateName: string; candidateEmail: string | null; status: 'scheduled' | 'live' | 'ended';
  createdAt: string; startedAt: string | null; endedAt: string | null; questions: number; roomUrl: string;
  /** The signed-in account's role in the session; null when it is not invited (it may not open the room). */
  yourRole: StaffRole | null;
}

/** What an account is in a session: its interviewers may change and delete it, observers only watch. */
export type StaffRole = 'interviewer' | 'observer';

export interface SessionDetail extends Omit<SessionSummary, 'questions'> {
  plan: PlanEntry[]; members: { accountId: string; name: string; email: string; role: string }[]; candidateUrl: string | null;
}

export const auth = {
  me: () => getJson<{ account: Account }>('/api/auth/me').then(r => r.account),
  signup: (body: { organisation?: string; invitation?: string; name: string; email: string; password: string }) =>
    postJson<{ account: Account }>('/api/auth/signup', body).then(r => r.account),
  login: (email: string, password: string) => postJson<{ account: Account }>('/api/auth/login', { email, password }).then(r => r.account),
  logout: () => postJson<void>('/api/auth/logout', {}),
  invite: () => postJson<{ url: string; expiresAt: string }>('/api/invitations', {}),
  signupOptions: () => getJson<{ newOrganisation: boolean }>('/api/auth/signup'),
  invitation: (token: string) => getJson<{ organisationName: string; email: string | null }>(`/api/invitations/${encodeURIComponent(token)}`),
};

export const sessions = {
  /** Sessions not ended (newest first), then the latest that ended; endedTotal counts all that ended. */
  list: () => getJson<{ items: SessionSummary[]; endedTotal: number }>('/api/sessions'),
  get: (id: string) => getJson<SessionDetail>(`/api/sessions/${encodeURIComponent(id)}`),
  create: (body: { title: string; candidateName: string; candidateEmail?: string; plan: { questionId: string; minutes?: number }[] }) =>
    postJson<SessionDetail>('/api/sessions', body),
  addMember: (id: string, email: string, role: 'interviewer' | 'observer') =>
    postJson<SessionDetail>(`/api/sessions/${encodeURIComponent(id)}/members`, { email, role }),
  join: (token: string) => getJson<{ sessionId: string; title: string; candidateName: string; organisationName: string; status: string }>(
    `/api/join/${encodeURIComponent(token)}`),
};

export interface ReviewRow {
  id: string; title: string; candidateName: string; candidateEmail: string | null; status: string;
  createdAt: string; startedAt: string | null; endedAt: string | null; durationSeconds: number | null;
  interviewers: string[]; questions: { questionId: string; prompt: string; topic: string; difficulty: string; averageRubric: number | null }[];
  recommendations: { name: string; recommendation: string | null; submitted: boolean }[]; averageRubric: number | null;
}

export interface Transcript {
  format: number;
  session: { id: string; title: string; candidateName: string; candidateEmail: string | null; status: string; createdAt: string; startedAt: string | null; endedAt: string | null; durationSeconds: number | null; scoresOpen: boolean };
  participants: { id: string; name: string; role: string }[];
  questions: { questionId: string; doc: string; planIndex: number | null; prompt: string; referenceAnswer: string; keyPoints: string[]; topic: string | null; difficulty: string | null; firstShownAt: string; secondsSpent: number; finalAnswer: string; finalVersion: number }[];
  timeline: { seq: number; at: string; type: string; participantId: string | null; participantName: string | null; details: any }[];
  scores: { participantId: string; name: string; questionId: string; rubric: number | null; keyPoints: number[]; at: string }[];
  recommendations: { participantId: string; name: string; recommendation: string | null; summary: string; submitted: boolean; at: string }[];
  /** Notes and hints, each with the question it was about (null: none was on screen). */
  remarks: { participantId: string; name: string; kind: 'note' | 'hint'; questionId: string | null; text: string; at: string }[];
  replay: Record<string, { version: number; seq: number; at: string; participantId: string; clientID: string; changes: unknown }[]>;
}

export const review = {
  list: (query: URLSearchParams) => getJson<{ items: ReviewRow[]; total: number; page: number; pageSize: number }>(`/api/review/sessions?${query}`),
  transcript: (id: string) => getJson<Transcript>(`/api/review/sessions/${encodeURIComponent(id)}`),
};

export const RUBRIC: { score: number; label: string; anchor: string }[] = [
  { score: 1, label: 'No', anchor: 'Could not answer, or the answer was wrong.' },
  { score: 2, label: 'Weak', anchor: 'Partly right; needed substantial hints.' },
  { score: 3, label: 'Good', anchor: 'Correct, with small gaps or one hint.' },
  { score: 4, label: 'Strong', anchor: 'Complete and clear; handled follow-ups unprompted.' },
];

export const RECOMMENDATIONS: { value: string; label: string }[] = [
  { value: 'strong_no', label: 'Strong no' }, { value: 'no', label: 'No' }, { value: 'yes', label: 'Yes' }, { value: 'strong_yes', label: 'Strong yes' },
];

/** A recommendation's label for people ("Strong yes"), or — for none. */
export const recommendationLabel = (r: string | null) => RECOMMENDATIONS.find(x => x.value === r)?.label ?? '—';

export interface CandidateHistory {
  email: string;
  sessions: ReviewRow[];
  topicScores: { sessionId: string; date: string; topic: string; averageRubric: number }[];
  seen: { questionId: string; prompt: string; topic: string; sessionId: string; askedAt: string }[];
  /** Whether you interview every one of these sessions, so may erase the candidate (DELETE /api/review/candidates). */
  mayErase: boolean;
}

export const candidates = {
  history: (email: string) => getJson<CandidateHistory>(`/api/review/candidates?email=${encodeURIComponent(email)}`),
};

export interface PracticeRound {
  number: number; sessionId: string; interviewer: string; candidate: string;
  yourRole: 'interviewer' | 'candidate'; status: 'scheduled' | 'live' | 'ended'; url: string;
}

/** The peer practice lobby as the signed-in account sees it. */
export interface PracticeState {
  status: 'idle' | 'waiting' | 'paired';
  topic: string | null; difficulty: Difficulty | null; since: string | null;
  partner: string | null; rounds: PracticeRound[];
}

export const practice = {
  /** With {@code waitSeconds}, while waiting for a partner the server answers when that changes, or after that long. */
  get: (waitSeconds?: number) => getJson<PracticeState>('/api/practice' + (waitSeconds ? `?wait=${waitSeconds}` : '')),
  ask: (topic: string, difficulty: Difficulty) => postJson<PracticeState>('/api/practice', { topic, difficulty }),
  cancel: () => deleteJson<PracticeState>('/api/practice'),
};
