// Neal's funnel, centred: v ~ normal(0, 3) and, given v, K coordinates x[k] ~ normal(0, exp(v / 2)).
// The shape of every hierarchical prior: v plays log tau^2, x the group effects. Where v is
// small the x are squeezed into a narrow neck that one global step size cannot enter; the MCMC
// notebook uses this program to show divergent transitions and the bias they warn of.
data {
  int<lower=1> K;
}
parameters {
  real v;
  vector[K] x;
}
model {
  v ~ normal(0, 3);
  x ~ normal(0, exp(v / 2));
}
