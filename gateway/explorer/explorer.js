// The explorer page's own script (GraphiQL from the bundled packages), a file of its own so that
// the page's Content-Security-Policy needs no inline script.
const DEFAULT_QUERY = `# Pick a persona above: its token fills the Authorization header.
{
  person(id: "P-000001") {
    firstName
    lastName
    residence { name }
    advices { type status validUntil }
  }
}
`;

const root = ReactDOM.createRoot(document.getElementById('graphiql'));
const persona = document.getElementById('persona');
const purpose = document.getElementById('purpose');

function headers() {
  const value = {};
  if (persona && persona.value) value.Authorization = 'Bearer ' + persona.value;
  if (purpose.value) value['x-purpose'] = purpose.value;
  return JSON.stringify(value, null, 2);
}

function render() {
  root.render(
    React.createElement(GraphiQL, {
      key: headers(),
      fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
      defaultQuery: DEFAULT_QUERY,
      headers: headers(),
      shouldPersistHeaders: false,
    }),
  );
}

if (persona) persona.addEventListener('change', render);
purpose.addEventListener('change', render);
render();
