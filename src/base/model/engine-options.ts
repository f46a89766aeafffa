/** Resolved `SQLALCHEMY_ENGINE_OPTIONS`: either NullPool alone, or a sized QueuePool. */
export type EngineOptions =
  | { readonly kind: 'NullPool' }
  | {
    readonly kind: 'QueuePool';
    readonly poolSize: number;
    readonly maxOverflow: number;
    /** Rendered only when > 0. */
    readonly poolRecycle: number;
    readonly poolPrePing: boolean;
    /** Rendered only when > 0. */
    readonly poolTimeout: number;
  };
