/**
 * The tensor engine (base layer): {@link ai.craik.engine.Engines} starts DJL's PyTorch engine once
 * (offline, thread count, seed); {@link ai.craik.engine.RandomStreams} derives named, seeded random
 * streams from the run seed; {@link ai.craik.engine.HostRandom} draws from them on the host;
 * {@link ai.craik.engine.Scopes} runs work in a child manager so temporaries die with it;
 * {@link ai.craik.engine.GradMode} runs work without recording an autograd graph.
 */
package ai.craik.engine;
