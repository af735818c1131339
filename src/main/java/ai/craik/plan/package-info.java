/**
 * Mode-2 planning (planning layer): optimize an action sequence through a frozen latent world
 * model so that the imagined trajectory has the least cost, and act by receding-horizon control
 * (LeCun 2022, "A Path Towards Autonomous Machine Intelligence", section 3.1.2; PLDM, Sobal et al.
 * 2025, arXiv:2502.14819).
 *
 * <p>The model is a {@link ai.craik.plan.LatentDynamics} (s_0 [D], actions [N, T, A] to states
 * [N, T + 1, D]; {@link ai.craik.plan.JepaDynamics} adapts a JEPA). The cost is a
 * {@link ai.craik.plan.PlanObjective} ([N, T + 1, D], [N, T, A] to [N]):
 * {@link ai.craik.plan.GoalDistance}, {@link ai.craik.plan.LearnedDistanceCost} (a learned,
 * wall-aware temporal distance to the goal), {@link ai.craik.plan.ActionMagnitude}, combined by
 * {@link ai.craik.plan.WeightedObjective} with named terms (a learned critic plugs in as another
 * term). A {@link ai.craik.plan.Planner} returns a {@link ai.craik.plan.Plan} (host actions [T][A],
 * cost, per-iteration traces, timing): {@link ai.craik.plan.CemPlanner},
 * {@link ai.craik.plan.MppiPlanner}, {@link ai.craik.plan.GradientPlanner} (Adam through the
 * model), {@link ai.craik.plan.HybridPlanner} (CEM then Adam), and for small discrete action sets
 * {@link ai.craik.plan.ExhaustiveSearch} (the reference) and
 * {@link ai.craik.plan.DynamicProgrammingPlanner}. Settings are validated records
 * ({@link ai.craik.plan.CemSettings}, ...). {@link ai.craik.plan.MpcLoop} runs
 * observe-encode-plan-act over a {@link ai.craik.plan.ControlledSystem} with a
 * {@link ai.craik.plan.LatentEncoder}, warm-starting each re-plan from the last plan shifted, with
 * one objective or an {@link ai.craik.plan.ObjectiveSchedule}. Sub-goals: a
 * {@link ai.craik.plan.LatentMetric} (plain or learned), {@link ai.craik.plan.WaypointChoice} (the
 * waypoint of a bank that lowers the cost-to-go) and {@link ai.craik.plan.SubgoalSchedule} (to the
 * waypoint, then to the goal). {@link ai.craik.plan.TwoRoomsEpisode} runs one Two Rooms task
 * through a trained world model for one {@link ai.craik.plan.CostVariant} (goal image encoded,
 * CONTACT collisions, planner time apart from encoding and stepping), with settings from
 * {@link ai.craik.plan.TwoRoomsPlanConfig} ({@code craik plan two-rooms}).
 *
 * <p>Every planner batches all candidates into one tensor, runs the model with grad mode off
 * (except inside the gradient planner's collector), keeps temporaries in a per-call child manager
 * of the start latent's manager, and draws its samples on the host from the stream it is given.
 */
package ai.craik.plan;
