package ai.craik.env;

import ai.craik.config.ConfigChecks;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the Two Rooms environment; YAML section {@code env}.
 *
 * @param imageSize observation side R (65 by default; geometry scales with it)
 * @param maxStep actions are clipped to this norm, in pixels of the 65 frame
 * @param collision {@code stop} or {@code contact} (see {@link CollisionPolicy})
 * @param contactNoise standard deviation of the back-off from a wall under CONTACT, in pixels
 * @param sigma the dot's Gaussian width in pixels of the 65 frame
 * @param layout {@code fixed} or {@code random}
 */
public record TwoRoomsConfig(int imageSize, double maxStep, String collision, double contactNoise,
    double sigma, String layout) {
  public TwoRoomsConfig {
    ConfigChecks.inRange("image_size", imageSize, 16, 1024);
    ConfigChecks.positive("max_step", maxStep);
    ConfigChecks.oneOf("collision", collision, List.of("stop", "contact"));
    ConfigChecks.nonNegative("contact_noise", contactNoise);
    ConfigChecks.positive("sigma", sigma);
    ConfigChecks.oneOf("layout", layout, List.of("fixed", "random"));
  }

  /** 65 px, max step 2.45, STOP collisions, contact noise 0.1, σ 1.3, fixed layout. */
  public static TwoRoomsConfig defaults() {
    return new TwoRoomsConfig(65, 2.45, "stop", 0.1, TwoRoomsRenderer.DEFAULT_SIGMA, "fixed");
  }

  /** The collision policy. */
  public CollisionPolicy policy() {
    return CollisionPolicy.valueOf(collision.toUpperCase(Locale.ROOT));
  }

  /** True for the random layout. */
  public boolean randomLayout() {
    return "random".equals(layout);
  }

  /** The same settings with another collision policy. */
  public TwoRoomsConfig withCollision(CollisionPolicy p) {
    return new TwoRoomsConfig(imageSize, maxStep, p.name().toLowerCase(Locale.ROOT), contactNoise,
        sigma, layout);
  }
}
