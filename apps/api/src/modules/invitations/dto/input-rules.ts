/** Validation rules that several of this module's inputs share. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export { ONE_TIME_TOKEN as TOKEN } from '../../../common/one-time-token.js';
