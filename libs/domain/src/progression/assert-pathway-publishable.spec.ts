import { DomainError } from '../errors.js';
import { assertPathwayPublishable as sut } from './assert-pathway-publishable.js';
import type { PathwayDesign } from './progression.types.js';
import { REFERENCE, design, stage } from './progression.test-fixtures.js';

describe('assertPathwayPublishable', () => {
  it('should accept a valid design with stages and routes', () => {
    expect(() => sut(design(), REFERENCE)).not.toThrow();
  });

  it.each<[string, PathwayDesign, string]>([
    ['no stages', design({ stages: [], routes: [] }), 'STAGES'],
    ['stages but no routes', design({ routes: [] }), 'ROUTES'],
  ])('should refuse a design with %s as PATHWAY_EMPTY', (_label, pathway, missing) => {
    const act = () => sut(pathway, REFERENCE);

    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code: 'PATHWAY_EMPTY', meta: { missing } }));
  });

  it('should still validate the design', () => {
    const pathway = design({ stages: [...design().stages, stage('SOCIAL_WORKER')] });

    expect(() => sut(pathway, REFERENCE)).toThrow(expect.objectContaining({ code: 'DUPLICATE_STAGE_KEY' }));
  });
});
