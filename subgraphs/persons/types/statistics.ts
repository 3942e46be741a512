import { Field, ObjectType } from 'type-graphql';

import { Figure, FigurePart } from '../../../common/statistics/figure';
import { Period } from '../../../common/statistics/period';

@ObjectType({
  description:
    "The activation figures of DOMAIN B.5 for one area and period, from the OCMW's social-assistance records, VDAB registrations, temporary protections, trajectory actions and employment outcomes. A person counts in the municipality they live in now, not where they lived then: the persons subgraph keeps no residence history. A record, registration, protection or action holds from its start up to and including its end date. Counts of persons under 5 are suppressed, with the cells that would give them away.",
})
export class ActivationStatistics {
  @Field(() => Period)
  period: Period;

  @Field(() => Figure, {
    description:
      'Persons with a running social-assistance record on the last day of the period, of any type.',
  })
  clients: Figure;

  @Field(() => [FigurePart], {
    description:
      'Clients by assistance type (LEEFLOON, EQUIVALENT_LEEFLOON, RMI_TEWERKSTELLING, MAATSCHAPPELIJKE_HULP), summing to clients. A person with several running records counts once, under the first type in that order.',
  })
  clientsByAssistanceType: FigurePart[];

  @Field(() => Figure, {
    description: 'RMI clients: leefloon or RMI through employment (RMI_TEWERKSTELLING).',
  })
  rmiClients: Figure;

  @Field(() => Figure, { description: 'Clients with a GPMI (socio-professional) contract.' })
  gpmiClients: Figure;

  @Field(() => Figure, {
    description:
      'Ukrainian displaced persons on equivalent leefloon: under temporary protection (DVZ) on the last day of the period, with equivalent leefloon.',
  })
  ukrainianClients: Figure;

  @Field(() => Figure, {
    description:
      'Reach_RMI: RMI clients registered at VDAB in category 05 / RMI clients, on the last day of the period. Category 05 as B.5 defines it: RMI clients registered in another category (B.7.6) are not counted as reached.',
  })
  reachRmi: Figure;

  @Field(() => Figure, {
    description:
      'Reach_GPMI: clients with a GPMI contract registered at VDAB (any category) / clients with a GPMI contract, on the last day of the period.',
  })
  reachGpmi: Figure;

  @Field(() => Figure, {
    description:
      'Reach_UKR: Ukrainians on equivalent leefloon registered at VDAB (any category) / Ukrainians on equivalent leefloon, on the last day of the period.',
  })
  reachUkrainian: Figure;

  @Field(() => Figure, {
    description:
      'Outflow1Y: of the clients registered at VDAB (any category) on t0, the last day of the same period a year earlier, those an employment outcome dated on the last day of this period (t0 + 12 months) shows working, TWE included / that cohort. A cohort member without an outcome for that day counts as not working.',
  })
  outflowToWorkAfterOneYear: Figure;

  @Field(() => Figure, {
    description:
      'TWE_share: RMI clients with a TWE-OCMW action (not NOT_STARTED) running on the last day of the period / RMI clients.',
  })
  tweShare: Figure;

  @Field(() => Figure, {
    description:
      'ExemptionShare (a proposal in DOMAIN B.5): leefloon recipients exempted from registering at VDAB (registrationDuty VRIJGESTELD) / leefloon recipients, on the last day of the period. The duty is the one the record holds now: the subgraph keeps no history of duty decisions.',
  })
  exemptionShare: Figure;
}
