import { runSubgraph } from '../../common/subgraph-main';
import { subgraphNamed } from '../registry';

const { module, port } = subgraphNamed('indications');
runSubgraph(module, port);
