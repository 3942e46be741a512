import {
  assessedRequest,
  decidedRequest,
  draftedRequest,
  milestoneReached,
  movedRequest,
} from '../../subgraphs/indications/workflow/request';

/**
 * The four-eyes branch of the indication lifecycle (A.6: until 2025-09-01). Through the gateway
 * every decision falls under today's two-eyes regime, so the branch is proven on the transition
 * functions that the mutations and the seeds share, at dates before the cut-over.
 */
describe('four-eyes review before 2025-09-01', () => {
  const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const assessed = () => {
    let request = draftedRequest({
      id: 'IR-900001',
      personId: 'P-000002',
      requestedType: 'CMW',
      route: 'ICF',
      procedure: 'STANDAARD',
      origin: 'VDAB_BEMIDDELAAR',
      signedFormAt: '2025-03-03',
      consentRef: null,
      vacancyId: null,
      indicatorOrg: 'VDAB',
      consultantId: 'IC-000001',
      municipalityNisCode: '44021',
    });
    request = movedRequest(request, 'SUBMITTED', at('2025-03-04'));
    request = movedRequest(request, 'INFO_GATHERING', at('2025-03-05'));
    request = milestoneReached(request, 'INFORMATION_COMPLETE', at('2025-04-01'));
    request = milestoneReached(request, 'ICF_STARTED', at('2025-04-02'));
    return assessedRequest(request, at('2025-05-02'));
  };

  it('sends an assessment to a second review before the decision', () => {
    const reviewed = movedRequest(assessed(), 'SECOND_REVIEW', at('2025-05-20'));
    expect(reviewed).toMatchObject({ status: 'SECOND_REVIEW', reviewedAt: at('2025-05-20') });
    const decided = decidedRequest(reviewed, 'GRANTED', 5, at('2025-06-02', 14), {
      advice: 'AD-900001',
      derivedImw: 'AD-900002',
    });
    expect(decided.request.status).toBe('GRANTED');
    expect(decided.review).toMatchObject({
      regime: 'VIER_OGEN',
      secondReviewer: 'TEAM_TOM',
      reviewedAt: at('2025-05-20'),
    });
    expect(decided.advices.map((advice) => advice.type)).toEqual(['CMW', 'IMW']);
  });

  it('refuses a decision that skips the second review', () => {
    expect(() =>
      decidedRequest(assessed(), 'GRANTED', 5, at('2025-06-02'), {
        advice: 'AD-900001',
        derivedImw: 'AD-900002',
      }),
    ).toThrow(/four-eyes regime a second review comes first/);
  });

  it('refuses a second review once two eyes decide', () => {
    expect(() => movedRequest(assessed(), 'SECOND_REVIEW', at('2025-09-02'))).toThrow(
      /two-eyes regime/,
    );
  });
});
