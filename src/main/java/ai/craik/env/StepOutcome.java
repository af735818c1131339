package ai.craik.env;

/**
 * What one step did: the state after it and whether the commanded move met a wall (and was
 * rejected under STOP or cut at the contact point under CONTACT).
 */
public record StepOutcome(double[] state, boolean collided) {}
