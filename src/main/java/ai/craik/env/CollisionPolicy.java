package ai.craik.env;

/**
 * What happens to a move that would cross a wall. No move ever crosses one, whatever its length.
 *
 * <ul>
 *   <li>{@code STOP}: the move is rejected and the dot stays where it was. Used for offline data:
 *       every recorded transition is then either the full commanded displacement or none, which is
 *       the simplest dynamics for a world model to learn from random play.
 *   <li>{@code CONTACT}: the dot moves along the commanded segment up to the contact point and
 *       stops there, backed off towards where it came from by a small random distance (|N(0, s²)|,
 *       s = {@code contact_noise}) so it rests in free space. Used for evaluation: a planner that
 *       steers into a wall still makes progress along it instead of freezing, as in the published
 *       Two Rooms evaluations, and the noise keeps the dot from sticking exactly on a wall face.
 * </ul>
 */
public enum CollisionPolicy {
  STOP,
  CONTACT
}
