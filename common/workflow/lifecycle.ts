import { domainError, ErrorCode } from '../errors';

/**
 * A state machine of DOMAIN B.2: which states each state may move to. `assertMove` refuses an illegal
 * move with INVALID_TRANSITION before anything is written, naming the moves that are possible.
 */
export class Lifecycle<State extends string> {
  constructor(
    readonly entity: string,
    private readonly moves: Readonly<Record<State, readonly State[]>>,
  ) {}

  canMove(from: State, to: State): boolean {
    return this.moves[from].includes(to);
  }

  /** Refuses a move the lifecycle allows but a rule of the moment does not, saying which. */
  refuse(id: string, from: State, to: State, why: string): never {
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `${this.entity} ${id} is ${from}: it cannot move to ${to}, because ${why}.`,
      { entity: this.entity, id, from, to },
    );
  }

  /** Throws unless `from → to` is a move of this lifecycle. */
  assertMove(id: string, from: State, to: State): void {
    if (this.canMove(from, to)) return;
    const possible = this.moves[from];
    throw domainError(
      ErrorCode.INVALID_TRANSITION,
      `${this.entity} ${id} is ${from}: it cannot move to ${to}. ` +
        (possible.length > 0 ? `Possible: ${possible.join(', ')}.` : `${from} is final.`),
      { entity: this.entity, id, from, to, possible },
    );
  }
}
