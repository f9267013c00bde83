/** The outcome of a business rule: a value, or an error with a snake_case `code`. */
export type Result<T, E extends { code: string }> = { ok: true; value: T } | { ok: false; error: E };
