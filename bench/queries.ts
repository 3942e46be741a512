/**
 * The representative federated query: a page of persons with their residence (agreements),
 * advices (indications) and referrals and placements (maatwerk). Shared by bench and tests.
 */
export const CASELOAD_QUERY = `query Caseload($first: Int!, $residence: String) {
  persons(first: $first, residenceNisCode: $residence) {
    totalCount
    edges {
      node {
        id
        firstName
        lastName
        ageBand
        residence { nisCode name province { name } }
        vdabRegistration { category since }
        advices { id type status validUntil }
        referrals { id status vacancy { jobTitle } }
        placements { id type employer { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
