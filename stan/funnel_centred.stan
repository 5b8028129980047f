// Neal's funnel, centred: v ~ normal(0, 3), x[d] ~ normal(0, exp(v / 2)); shows divergences.
// Data:   none (no observations: the notebook passes only D = 9, the dimension of x)
// Priors: v ~ normal(0, 3); x ~ normal(0, exp(v / 2)). Hard-coded; the prior is the whole model.
// Pages:  chapters/03-multilevel-regression/mcmc.md
// PyMC:   none (Stan only: the notebook reads Stan's divergence diagnostics; the same density
//         is coded by hand in NumPy, funnel_log_density, for the leapfrog experiment)
//
// Neal's funnel, centred: v ~ normal(0, 3) and, given v, D coordinates x[d] ~ normal(0, exp(v / 2)).
// The shape of every hierarchical prior: v plays log tau^2, x the group effects. Where v is
// small the x are squeezed into a narrow neck that one global step size cannot enter; the MCMC
// notebook uses this program to show divergent transitions and the bias they warn of.
data {
  int<lower=1> D;
}
parameters {
  real v;
  vector[D] x;
}
model {
  v ~ normal(0, 3);
  x ~ normal(0, exp(v / 2));
}
