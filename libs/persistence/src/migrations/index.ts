import { InitialSchema1795384436612 } from './1795384436612-initial-schema.js';
import { AuditAppendOnly1795384500000 } from './1795384500000-audit-append-only.js';
import { LoginRateLimit1795384600000 } from './1795384600000-login-rate-limit.js';
import { PortfolioSchema1795497926184 } from './1795497926184-portfolio-schema.js';
import { ProgressionSchema1795499064532 } from './1795499064532-progression-schema.js';
import { ComplianceAsyeSupervision1795502894000 } from './1795502894000-compliance-asye-supervision.js';
import { ExportsCredentials1795503000000 } from './1795503000000-exports-credentials.js';
import { MembershipLifecycle1796238178634 } from './1796238178634-membership-lifecycle.js';
import { CredentialRevocation1796290912057 } from './1796290912057-credential-revocation.js';
import { ContributionRequests1796321490220 } from './1796321490220-contribution-requests.js';
import { FrameworkAlignments1796322507115 } from './1796322507115-framework-alignments.js';
import { ModerationPacks1796350577999 } from './1796350577999-moderation-packs.js';
import { Countersignatures1796351132456 } from './1796351132456-countersignatures.js';
import { AsyeSecondOpinions1796407623752 } from './1796407623752-asye-second-opinions.js';
import { FrameworkRemapping1796407625620 } from './1796407625620-framework-remapping.js';
import { SignOffReconciliations1796408521275 } from './1796408521275-sign-off-reconciliations.js';

/** Every migration, in order. The schema changes only through these. */
export const MIGRATIONS = [
  InitialSchema1795384436612,
  AuditAppendOnly1795384500000,
  LoginRateLimit1795384600000,
  PortfolioSchema1795497926184,
  ProgressionSchema1795499064532,
  ComplianceAsyeSupervision1795502894000,
  ExportsCredentials1795503000000,
  MembershipLifecycle1796238178634,
  CredentialRevocation1796290912057,
  ContributionRequests1796321490220,
  FrameworkAlignments1796322507115,
  ModerationPacks1796350577999,
  Countersignatures1796351132456,
  AsyeSecondOpinions1796407623752,
  FrameworkRemapping1796407625620,
  SignOffReconciliations1796408521275,
];
