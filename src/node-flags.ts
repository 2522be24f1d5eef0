/**
 * The V8 flags the project's own commands start Node with (npm run boletin, programador, portal), written
 * once here for the code that starts them the same way (the benchmark, the tests); package.json's scripts
 * repeat them as text, and test/unit/node-flags.test.ts fails if the two drift apart.
 *
 * --max-semi-space-size=16: V8 sizes the young generation by how fast a program allocates, and a batch
 * (the DOCX library builds and drops a large tree per bulletin) made it double from 64 to 128 MB after
 * about 100 bulletins, where it stayed: the resident memory after 500 bulletins was 1.14 to 1.64 times
 * that after 50 while the live objects did not grow. Held at 2 x 16 MB, the resident memory stays flat
 * (207 to 211 MB from 25 to 200 bulletins, against 238 to 303 MB) and the 36-bulletin package takes the
 * same time (3.50-3.62 s against 3.49-3.73 s, four runs each): the scheduler and the download page, which
 * run for weeks, keep 40 to 90 MB less. Node accepts it on the command line or in NODE_OPTIONS only: V8
 * fixes the heap's layout when it starts, so it cannot be set from inside the program.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
