// Neal's funnel, non-centred: x declared with multiplier = exp(v / 2); no divergences.
// Data:   none (no observations: the notebook passes only D = 9, the dimension of x)
// Priors: v ~ normal(0, 3); x ~ normal(0, exp(v / 2)). Hard-coded; the prior is the whole model.
// Pages:  chapters/03-multilevel-regression/mcmc.md
// PyMC:   none (Stan only: the notebook compares it with the centred Stan program; the
//         density is also coded by hand in NumPy, funnel_log_density)
//
// Neal's funnel, non-centred: the same distribution, and the same model block, as
// funnel_centred.stan. Only the declaration of x differs: its multiplier makes the sampler
// move z = x / exp(v / 2), standard normal and independent of v, and Stan multiplies back
// (adding the log Jacobian D * v / 2). The geometry the sampler sees is a plain isotropic
// normal: no neck, no divergences. Written by hand, the same parameterisation is
// vector[D] z; x = exp(v / 2) * z; z ~ std_normal().
data {
  int<lower=1> D;
}
parameters {
  real v;
  vector<multiplier=exp(v / 2)>[D] x;
}
model {
  v ~ normal(0, 3);
  x ~ normal(0, exp(v / 2));
}
