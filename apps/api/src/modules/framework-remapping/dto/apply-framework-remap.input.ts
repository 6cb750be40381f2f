import { InputType } from '@nestjs/graphql';
import { RemapVersions } from './remap-versions.js';

@InputType({
  description:
    'Remap your organisation’s evidence from one framework version to another along confirmed replacedBy and exactMatchOf links (PSW). Originals and their sign-offs are kept as they are.',
})
export class ApplyFrameworkRemapInput extends RemapVersions {}
