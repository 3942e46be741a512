import { Category } from '../../../common/access/categories';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { PersonsContext } from '../loaders';
import type { TrajectoryRow, TransmissionRow } from '../tables';
import { Handover, Trajectory, TrajectoryAction, Transmission } from '../types/trajectory';

@Resolver(() => Trajectory)
export class TrajectoryResolver {
  @FieldResolver(() => [TrajectoryAction])
  actions(@Root() trajectory: TrajectoryRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.actionsByTrajectory.load(trajectory.id);
  }

  @Category('g')
  @FieldResolver(() => [Transmission])
  transmissions(@Root() trajectory: TrajectoryRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.transmissionsByTrajectory.load(trajectory.id);
  }

  @FieldResolver(() => [Handover], { description: 'Warm handovers of the regie, oldest first.' })
  handovers(@Root() trajectory: TrajectoryRow, @Ctx() { loaders }: PersonsContext) {
    return loaders.handoversByTrajectory.load(trajectory.id);
  }
}

@Resolver(() => Transmission)
export class TransmissionResolver {
  @FieldResolver(() => Boolean, {
    description: 'True while the OCMW has not given its mandatory feedback.',
  })
  awaitingFeedback(@Root() transmission: TransmissionRow): boolean {
    return transmission.ocmwFeedback === null;
  }
}
