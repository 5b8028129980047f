// Neal's funnel, non-centred: x = exp(v / 2) * x_raw with x_raw ~ normal(0, 1); no divergences.
// Data:   none (no observations: the notebook passes only K = 9, the number of x coordinates)
// Priors: v ~ normal(0, 3); x_raw ~ normal(0, 1). Hard-coded; the prior is the whole model.
// Pages:  chapters/03-multilevel-regression/mcmc.md
// PyMC:   none (Stan only: the notebook compares it with the centred Stan program; the
//         density is also coded by hand in NumPy, funnel_log_density)
//
// Neal's funnel, non-centred: the same distribution as funnel_centered.stan, but the sampler
// explores standard-normal x_raw, independent of v a priori, and x = exp(v / 2) * x_raw is
// computed. The geometry the sampler sees is a plain isotropic normal: no neck, no divergences.
data {
  int<lower=1> K;
}
parameters {
  real v;
  vector[K] x_raw;
}
transformed parameters {
  vector[K] x = exp(v / 2) * x_raw;
}
model {
  v ~ normal(0, 3);
  x_raw ~ std_normal();
}
