package ai.craik.train;

import ai.craik.config.Checks;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Several named checkpointable states saved as one: every array of part {@code k} is saved as
 * {@code k/<its name>}, so parts may use the same names inside (every {@link TrainableState} has an
 * {@code adam.t}). Restoring hands each part only its own arrays, with the prefix removed.
 *
 * @param parts the states by name (letters, digits, _ and -; no '/')
 */
public record CompositeState(Map<String, Checkpointable> parts) implements Checkpointable {
  public CompositeState {
    Checks.arg(parts != null && !parts.isEmpty(), "a composite state needs at least one part");
    for (String name : parts.keySet()) {
      Checks.arg(name.matches("[A-Za-z0-9_\\-]+"), "state part name '%s' must be letters, digits,"
          + " _ or -", name);
    }
    parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  @Override
  public NDList state(NDManager target) {
    NDList out = new NDList();
    parts.forEach((name, part) -> {
      for (NDArray a : part.state(target)) {
        a.setName(name + "/" + a.getName());
        out.add(a);
      }
    });
    return out;
  }

  @Override
  public void restore(NDList saved) {
    parts.forEach((name, part) -> {
      String prefix = name + "/";
      NDList own = new NDList();
      try (NDManager tmp = NDManager.newBaseManager()) {
        for (NDArray a : saved) {
          if (a.getName() != null && a.getName().startsWith(prefix)) {
            NDArray copy = a.duplicate(); // renamed copy: the caller's arrays keep their names
            copy.attach(tmp);
            copy.setName(a.getName().substring(prefix.length()));
            own.add(copy);
          }
        }
        Checks.arg(!own.isEmpty(), "the checkpoint has no arrays of part '%s' (expected names"
            + " starting with '%s')", name, prefix);
        part.restore(own);
      }
    });
  }
}
