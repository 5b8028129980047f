// Sleepstudy, varying intercepts and slopes: correlated subject effects (LKJ), non-centred.
// Data:   sleepstudy (data/sleepstudy.csv; Belenky et al. 2003): Reaction on Days by Subject;
//         also drivers simulated by simulate.varying_slopes (pooling-progression.md, sim_data)
// Priors: beta ~ normal(beta_loc, beta_scale); tau ~ half-normal(0, tau_scale);
//         L_Omega ~ lkj_corr_cholesky(lkj_eta); z ~ normal(0, 1);
//         sigma ~ half-normal(0, sigma_scale).
//         All data, from helpers/priors.py sleepstudy(): beta_loc = [250, 0],
//         beta_scale = [50, 20], tau_scale = [50, 10], sigma_scale = 50, lkj_eta = 2.
// Pages:  chapters/03-multilevel-regression/sleepstudy.md,
//         chapters/03-multilevel-regression/pooling-progression.md,
//         chapters/03-multilevel-regression/repeated-measures.md,
//         chapters/03-multilevel-regression/bayes-factors-fitted.md
// PyMC:   chapters/03-multilevel-regression/sleepstudy.md, `sleep_pymc`;
//         chapters/03-multilevel-regression/pooling-progression.md,
//         `slopes_noncentred`
//
// Varying intercepts and slopes for the sleepstudy data, non-centred.
//
//   reaction[i] ~ normal(beta[1] + u[j, 1] + (beta[2] + u[j, 2]) * days[i], sigma),  j = subject[i]
//   u[j] ~ multi_normal(0, diag(tau) * Omega * diag(tau)),  Omega ~ lkj_corr(eta)
//
// The subject effects are written u = (diag(tau) * L_Omega * z)' with z standard normal,
// so the sampler explores z, whose geometry does not depend on tau (the non-centred form).
// The prior's location and scales come in as data, so one file serves the prior
// predictive check (prior_only = 1) and the fit, and the PyMC model reads the same values.
data {
  int<lower=1> N;                         // observations
  int<lower=1> J;                         // subjects
  array[N] int<lower=1, upper=J> subject;
  vector[N] days;
  vector[N] reaction;                     // ms
  vector[2] beta_loc;                     // prior means of the average intercept and slope
  vector<lower=0>[2] beta_scale;          // prior sds of the average intercept and slope
  vector<lower=0>[2] tau_scale;           // half-normal scales of the between-subject sds
  real<lower=0> sigma_scale;              // half-normal scale of the residual sd
  real<lower=0> lkj_eta;                  // LKJ shape: 1 uniform over correlations, > 1 favours 0
  int<lower=0, upper=1> prior_only;       // 1: ignore the likelihood (prior predictive)
}
parameters {
  vector[2] beta;                         // average intercept (ms at day 0) and slope (ms/day)
  vector<lower=0>[2] tau;                 // between-subject sds of intercepts and slopes
  cholesky_factor_corr[2] L_Omega;        // Cholesky factor of their correlation matrix
  matrix[2, J] z;                         // standardised subject effects
  real<lower=0> sigma;                    // residual sd
}
transformed parameters {
  matrix[J, 2] u = (diag_pre_multiply(tau, L_Omega) * z)';
}
model {
  beta ~ normal(beta_loc, beta_scale);
  tau ~ normal(0, tau_scale);
  sigma ~ normal(0, sigma_scale);
  L_Omega ~ lkj_corr_cholesky(lkj_eta);
  to_vector(z) ~ std_normal();
  if (!prior_only) {
    reaction ~ normal(beta[1] + u[subject, 1] + (beta[2] + u[subject, 2]) .* days, sigma);
  }
}
generated quantities {
  real rho = multiply_lower_tri_self_transpose(L_Omega)[1, 2];   // intercept-slope correlation
  vector[J] subject_intercept = beta[1] + u[, 1];
  vector[J] subject_slope = beta[2] + u[, 2];
  vector[N] log_lik;
  array[N] real y_rep;
  {
    vector[N] mu = subject_intercept[subject] + subject_slope[subject] .* days;
    for (i in 1:N) {
      log_lik[i] = normal_lpdf(reaction[i] | mu[i], sigma);
    }
    y_rep = normal_rng(mu, sigma);
  }
}
