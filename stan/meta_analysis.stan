// Random-effects meta-analysis: study j reports an effect estimate y[j] with known
// standard error se[j]; the true effects vary around mu with sd tau (non-centred).
data {
  int<lower=1> J;
  vector[J] y;
  vector<lower=0>[J] se;
  real<lower=0> mu_scale;                // prior sd of the average effect
  real<lower=0> tau_scale;               // half-normal scale of the between-study sd
}
parameters {
  real mu;
  real<lower=0> tau;
  vector[J] eta;
}
transformed parameters {
  vector[J] theta = mu + tau * eta;      // each study's true effect
}
model {
  mu ~ normal(0, mu_scale);
  tau ~ normal(0, tau_scale);
  eta ~ std_normal();
  y ~ normal(theta, se);
}
generated quantities {
  real theta_new = normal_rng(mu, tau);  // the true effect of a new study
}
