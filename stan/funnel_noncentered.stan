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
