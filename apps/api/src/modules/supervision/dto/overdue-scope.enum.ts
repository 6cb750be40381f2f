import { registerEnumType } from '@nestjs/graphql';

export const OVERDUE_SCOPES = ['MINE', 'ORGANISATION'] as const;
export type OverdueScope = (typeof OVERDUE_SCOPES)[number];
export const OverdueScopeEnum = { MINE: 'MINE', ORGANISATION: 'ORGANISATION' } as const;
registerEnumType(OverdueScopeEnum, {
  name: 'OverdueSupervisionScope',
  description:
    'Whose overdue supervision: the people you supervise, or the whole organisation (PSWs, administrators).',
});
