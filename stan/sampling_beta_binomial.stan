// Title: Beta-binomial: a proportion with a beta prior, sampled by NUTS and checked exactly.
// Data:   arbuthnot (data/arbuthnot.csv; Arbuthnot 1710): boys k among n christenings in
//         1629; also k = 0 of n = 5, made up, for the boundary example
// Priors: theta ~ beta(a, b). a and b are data (the notebook's dict PRIORS): a = 20,
//         b = 20 for the christenings; a = 1, b = 1 in the boundary example.
// Pages:  chapters/01-bayes-basics/sampling.md
// PyMC:   chapters/01-bayes-basics/sampling.md, `boys_pymc` (reads the same dict PRIORS)
//
// The posterior is known exactly, Beta(a + k, b + n - k): the notebook checks what the
// sampler returns against it. Stan samples logit(theta), which is unconstrained, and
// maps it back to (0, 1) with the Jacobian of that change added to the target.
data {
  int<lower=0> n;                   // trials (christenings)
  int<lower=0, upper=n> k;          // successes (boys)
  real<lower=0> a;                  // prior: like a earlier successes
  real<lower=0> b;                  // and b earlier failures
}
parameters {
  real<lower=0, upper=1> theta;     // probability of a success (a boy)
}
model {
  theta ~ beta(a, b);
  k ~ binomial(n, theta);
}
