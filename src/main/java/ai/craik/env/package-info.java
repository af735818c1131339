/**
 * Environments (world layer). {@link ai.craik.env.TwoRooms}, the flagship: a dot in a square arena
 * split by a wall with a door. Geometry in world units (pixels of the 65×65 frame):
 * {@link ai.craik.env.TwoRoomsGeometry}; motion and the two collision policies:
 * {@link ai.craik.env.TwoRoomsDynamics}, {@link ai.craik.env.CollisionPolicy}; pixels:
 * {@link ai.craik.env.TwoRoomsRenderer}; random play for offline data:
 * {@link ai.craik.env.TrajectoryGenerator} with {@link ai.craik.env.Samplers}; planning tasks:
 * {@link ai.craik.env.TwoRoomsTasks}; exact shortest paths round the wall (the true distance a
 * learned cost is measured against): {@link ai.craik.env.TwoRoomsPaths}. Every random draw comes
 * from an explicit stream.
 */
package ai.craik.env;
