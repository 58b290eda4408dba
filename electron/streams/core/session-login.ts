// A session's side of its camera's login gate: the turn it holds for the connection it has
// open, and the wait for the gate when it may not log in yet.
import { LoginGate, loginRetryDelayMs, type LoginTurn } from './login-gate';
import type { LoginIdentity } from './login-identity';

export type SessionAdmission =
  { go: true } | { go: false; retryAt: number | null; refused: boolean };

export class SessionLogin {
  private turn: LoginTurn | null = null;
  private stopWaiting: (() => void) | null = null;

  constructor(
    private readonly gate: LoginGate,
    private readonly identity: LoginIdentity,
  ) {}

  /** A session with no camera identity (a demo clip, a test) still backs off its own logins. */
  static ofItsOwn(name: string): SessionLogin {
    const identity: LoginIdentity = {
      server: name,
      user: '',
      digest: '',
      fingerprint: () => '',
    };
    return new SessionLogin(new LoginGate(), identity);
  }

  /** Asks the gate for a login; on yes, the session holds the turn until it settles it. */
  admit(): SessionAdmission {
    this.release();
    const admission = this.gate.admit(this.identity);
    if (!admission.go) return admission;
    this.turn = admission.turn;
    return { go: true };
  }

  /** Media arrived on the current connection. */
  accepted(): void {
    this.turn?.accepted();
  }

  /** The server refused the login; returns when the gate allows the next one. */
  refused(): number {
    const turn = this.turn;
    this.turn = null;
    if (turn) return turn.refused();
    return this.gate.retryAt(this.identity) ?? Date.now() + loginRetryDelayMs(0);
  }

  /** The connection is over without a word on the login (or after it was accepted). */
  release(): void {
    const turn = this.turn;
    this.turn = null;
    turn?.release();
  }

  /** Calls `retry` once when the gate's state for this camera changes. */
  waitForGate(retry: () => void): void {
    this.cancelWait();
    this.stopWaiting = this.gate.onChange(this.identity, () => {
      this.cancelWait();
      retry();
    });
  }

  cancelWait(): void {
    this.stopWaiting?.();
    this.stopWaiting = null;
  }

  get waiting(): boolean {
    return this.stopWaiting !== null;
  }
}

/** The status detail of a stream that waits for its camera's login back-off. */
export function gatedLoginDetail(label: string): string {
  return `Camera '${label}': the camera refused these credentials (on this or another of its streams); the next login waits for the back-off, so that this PC is not locked out.`;
}
