/** Validation rules that several of this module's inputs share. */
export const NOT_BLANK = /\S/;
