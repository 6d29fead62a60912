/** A spec with one unknown activation on line 6 (1-based): the UI suites' validation check. */
export const BAD_SPEC = `name: bad
task: classification
layers:
  - units: 2
  - units: 1
    activation: sigmoidd
data:
  rows:
    - [0, 0, 0]
    - [1, 1, 1]
`;
