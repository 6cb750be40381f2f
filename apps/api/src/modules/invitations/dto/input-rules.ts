/** Validation rules that several of this module's inputs share. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const TOKEN = /^[A-Za-z0-9_-]{43}$/;
