import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The representative federated query, a mediator's caseload: a page of persons with their
 * residence (agreements), advices (indications) and referrals and placements (maatwerk). An
 * operation of the demo application (trusted-documents/maatwerk-demo/), shared by bench and tests.
 */
export const CASELOAD_QUERY = readFileSync(
  path.join(__dirname, '..', 'trusted-documents', 'maatwerk-demo', 'caseload.graphql'),
  'utf8',
);

/** The dashboard page's own operation (gateway/dashboard), as the page sends it. */
export const DASHBOARD_QUERY = readFileSync(
  path.join(__dirname, '..', 'gateway', 'dashboard', 'dashboard.graphql'),
  'utf8',
);

/** The dashboard's variables for one municipality and year, with the year's four quarters. */
export function dashboardVariables(nisCode: string, year: number) {
  return {
    nisCode,
    period: { year },
    ...Object.fromEntries([1, 2, 3, 4].map((q) => [`q${q}`, { year, quarter: q }])),
  };
}

/** An employer's candidates: its vacancies with the persons referred to them. */
export const EMPLOYER_CANDIDATES_QUERY = `query EmployerCandidates {
  vacancies(first: 20) {
    edges {
      node {
        id
        jobTitle
        status
        referrals { id status proposedAt person { id firstName lastName } }
      }
    }
  }
}`;

/** The employer's pseudonymous pool for one vacancy: one page of profiles (issue 14). */
export const CANDIDATE_POOL_QUERY = `query CandidatePool($vacancyId: ID!, $first: Int) {
  candidates(vacancyId: $vacancyId, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        pseudonym
        region { level code name }
        ageBand
        activityPreferences
        availableFrom
        languages { language level }
        educationLevel
        mobility
        measure
        ticketValidUntil
        score
        why
      }
    }
  }
}`;

/** An employer's open vacancies, to pick the one with the largest pool. */
export const OPEN_VACANCIES_QUERY = `query OpenVacancies($employerId: ID!) {
  vacancies(first: 100, status: OPEN, employerId: $employerId) { edges { node { id } } }
}`;
