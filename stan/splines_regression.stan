// Title: B-spline regression, with a random-walk prior on the coefficients or without
// Data:   mcycle (data/mcycle.csv; Silverman 1985): head acceleration against time
// Priors: unpenalised: beta ~ normal(0, beta_scale); penalised: beta[1] ~
//         normal(0, beta_scale), beta[k] ~ normal(beta[k - 1], tau), tau ~
//         half-normal(0, tau_scale); sigma ~ half-normal(0, sigma_scale). All data.
//         splines-gp.md (dict SPLINE_PRIORS): beta_scale = 2, tau_scale = 1,
//         sigma_scale = 1.
// Pages:  chapters/04-glmm/splines-gp.md
// PyMC:   chapters/04-glmm/splines-gp.md, `spline_pymc` (penalised; reads the dict
//         SPLINE_PRIORS)
//
// A regression of the standardised outcome y on the K columns of a B-spline basis B:
//
//   y[i] ~ normal(mu[i], sigma),   mu = B * beta.
//
// The B-splines sum to one at every x, so the coefficients carry the level and there is
// no separate intercept. With penalised = 0 the coefficients are independent (a
// many-knot fit with nothing to stop it from wiggling); with penalised = 1 they form a
// random walk whose step sd tau is learnt from the data (a Bayesian P-spline), in its
// centred form: 133 measurements inform the coefficients well (the non-centred form,
// beta[k] = beta[k - 1] + tau * z[k], has divergent transitions here). log_lik is
// returned for PSIS-LOO.
data {
  int<lower=1> N;
  int<lower=2> K;                          // basis functions (columns of B)
  matrix[N, K] B;
  vector[N] y;
  int<lower=0, upper=1> penalised;         // 1: random-walk prior on beta
  real<lower=0> beta_scale;
  real<lower=0> tau_scale;
  real<lower=0> sigma_scale;
}
transformed data {
  int K1 = K - 1;                          // steps of the random walk
}
parameters {
  vector[K] beta;
  array[penalised] real<lower=0> tau;      // random-walk step sd (penalised only)
  real<lower=0> sigma;
}
model {
  if (penalised) {
    beta[1] ~ normal(0, beta_scale);
    beta[2:K] ~ normal(beta[1:K1], tau[1]);
    tau ~ normal(0, tau_scale);
  } else {
    beta ~ normal(0, beta_scale);
  }
  sigma ~ normal(0, sigma_scale);
  y ~ normal(B * beta, sigma);
}
generated quantities {
  vector[N] log_lik;
  {
    vector[N] mu = B * beta;
    for (i in 1:N) {
      log_lik[i] = normal_lpdf(y[i] | mu[i], sigma);
    }
  }
}
