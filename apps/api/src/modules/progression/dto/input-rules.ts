/** Validation rules that several of this module's inputs share. */
export const KEY = /^[A-Z][A-Z0-9_]*$/;
