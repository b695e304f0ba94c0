// The live room protocol's messages as the browser sees them (see docs/protocol.md).

export type Role = 'interviewer' | 'observer' | 'candidate';
export interface Participant { id: string; name: string; role: Role; presence: 'online' | 'reconnecting' | 'left' }
export interface WireUpdate { clientID: string; changes: unknown }
export interface Question {
  questionId: string; doc: string; planIndex: number | null; planSize: number; prompt: string;
  /** When it was last pushed, and how long it was on screen before that (its timer carries on). */
  minutes: number | null; startedAt: string; spentSeconds?: number;
  answer?: string; keyPoints?: string[]; topic?: string; difficulty?: string;
}
export interface PlanItem { index: number; questionId: string; prompt: string; topic: string; difficulty: string; minutes: number | null }
export interface ChatLine { id: string; participantId: string; name: string; text: string; at: string }
export interface NoteLine { id: string; participantId: string; name: string; questionId: string | null; text: string; at: string }
export interface ScoreView { participantId: string; name: string; questionId: string; rubric: number | null; keyPoints: number[]; at: string }
export interface RecommendationView { participantId: string; name: string; recommendation: string | null; summary: string; submitted: boolean; at: string }
export interface HintView { id: string; participantId: string; name: string; questionId: string | null; text: string; at: string }
export interface ScoringView { revealed: boolean; scores: ScoreView[]; recommendations: RecommendationView[]; hints: HintView[] }
export interface DocView { version: number; text: string; updates: WireUpdate[] | null }

export type ServerMessage =
  | { type: 'welcome'; seq: number; you: Participant; session: { id: string; title: string; candidateName: string; status: string; startedAt: string | null; endedAt: string | null };
      participants: Participant[]; plan?: PlanItem[]; planSize: number; current: Question | null; docs: Record<string, DocView>;
      chat: ChatLine[]; notes?: NoteLine[]; scoring?: ScoringView; saving: 'ok' | 'paused' }
  | { type: 'presence'; seq: number; participant: Participant }
  | { type: 'started'; seq: number; startedAt: string }
  | { type: 'question'; seq: number; question: Question }
  | { type: 'updates'; seq: number; doc: string; version: number; updates: WireUpdate[] }
  | { type: 'cursor'; participantId: string; name: string; doc: string; anchor: number; head: number }
  | { type: 'chat'; seq: number; chat: ChatLine }
  | { type: 'note'; seq: number; note: NoteLine }
  /** {@code id}, on its author's sockets only: the hint, score or recommendation this scoring confirms. */
  | { type: 'scoring'; seq: number; scoring: ScoringView; id?: string }
  | { type: 'ended'; seq: number; endedAt: string }
  | { type: 'saving'; state: 'ok' | 'paused' }
  /** {@code doc}/{@code clientID} name a refused editor update; {@code id} a refused chat line, note, hint, score or recommendation. */
  | { type: 'error'; code: string; message: string; doc?: string; clientID?: string; id?: string }
  | { type: 'pong'; t: number };
