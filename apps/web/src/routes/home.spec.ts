import type { Request } from 'express';
import { getOperationAST, type DocumentNode } from 'graphql';
import { ApiError } from '../data/apiError.js';
import { whereIStand } from './home.js';

/** A signed-in request whose API answers by operation name; a name mapped to an ApiError refuses. */
function requestAnswering(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const api = async (document: DocumentNode) => {
    const name = getOperationAST(document)?.name?.value ?? '';
    asked.push(name);
    const answer = answers[name];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { req: { api } as unknown as Request, asked };
}

const refusal = (domainCode: string, code = 'BAD_USER_INPUT') =>
  new ApiError('refused', code, undefined, [], domainCode, 200);

const ANSWERS = {
  MyCpdCompliance: { cpdCompliance: { met: false } },
  MyProgressionRoutes: { myProgression: { routes: [] } },
  MyPortfolioAtAGlance: { coverage: { cells: [] } },
  MyAsyeProgramme: { asyeProgramme: { status: 'IN_PROGRESS' } },
};

describe('whereIStand', () => {
  it('should ask the API four questions, once each', async () => {
    const { req, asked } = requestAnswering(ANSWERS);
    const sut = await whereIStand(req);
    expect(asked.sort()).toEqual([
      'MyAsyeProgramme',
      'MyCpdCompliance',
      'MyPortfolioAtAGlance',
      'MyProgressionRoutes',
    ]);
    expect(sut.cpd).toEqual(ANSWERS.MyCpdCompliance);
    expect(sut.absent).toEqual([]);
  });

  it('should answer null, not fail, for a student with no regulator, no published pathway and no ASYE', async () => {
    const { req } = requestAnswering({
      ...ANSWERS,
      MyCpdCompliance: refusal('REGULATOR_REQUIRED'),
      MyProgressionRoutes: refusal('PATHWAY_NOT_FOUND', 'NOT_FOUND'),
      MyAsyeProgramme: refusal('ASYE_NOT_FOUND', 'NOT_FOUND'),
    });
    expect(await whereIStand(req)).toEqual({
      cpd: null,
      progression: null,
      portfolio: ANSWERS.MyPortfolioAtAGlance,
      asye: null,
      absent: ['ASYE_NOT_FOUND', 'PATHWAY_NOT_FOUND', 'REGULATOR_REQUIRED'],
    });
  });

  it('should still fail on any other refusal, so the error page shows it', async () => {
    const { req } = requestAnswering({ ...ANSWERS, MyCpdCompliance: ApiError.unavailable() });
    await expect(whereIStand(req)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
