// Robust varying slopes: independent subject intercepts and slopes, normal or Student-t.
// Data:   sleepstudy (data/sleepstudy.csv; Belenky et al. 2003), with a few gross outliers
//         added by a seeded rng in the notebook: Reaction on Days by Subject
// Priors: beta ~ normal(beta_loc, beta_scale); tau ~ half-normal(0, tau_scale);
//         z ~ normal(0, 1); sigma ~ half-normal(0, sigma_scale);
//         nu ~ gamma(nu_shape, nu_rate) (always; the normal likelihood ignores nu, so
//         a normal fit's nu draws are the prior's). All data, from the dict PRIORS
//         of robust-nonlinear.md: beta_loc = [250, 0], beta_scale = [50, 20],
//         tau_scale = [50, 10], sigma_scale = 50 (Day 3's), nu_shape = 2, nu_rate = 0.1.
// Pages:  chapters/04-glmm/robust-nonlinear.md
// PyMC:   chapters/04-glmm/robust-nonlinear.md, `robust_pymc` (student_t = 1)
//
// The model of Day 3's sleepstudy notebook without the intercept-slope correlation (the
// model bambi's formula `Reaction ~ Days + (Days | Subject)` writes):
//
//   y[i] ~ normal(beta[1] + u[j, 1] + (beta[2] + u[j, 2]) * days[i], sigma),  j = subject[i]
//   u[j, k] ~ normal(0, tau[k]), independently,
//
// with a data flag: `student_t = 1` replaces the normal likelihood by a Student-t with nu
// degrees of freedom and scale sigma, whose heavy tails let a few gross outliers sit far
// from the line without pulling it. The subject effects are non-centred: u = z' * tau,
// z standard normal.
data {
  int<lower=1> N;                         // observations
  int<lower=1> J;                         // subjects
  array[N] int<lower=1, upper=J> subject;
  vector[N] days;
  vector[N] reaction;                     // ms
  vector[2] beta_loc;                     // prior means of the average intercept and slope
  vector<lower=0>[2] beta_scale;          // prior sds of the average intercept and slope
  vector<lower=0>[2] tau_scale;           // half-normal scales of the between-subject sds
  real<lower=0> sigma_scale;              // half-normal scale of the residual scale
  real<lower=0> nu_shape;                 // gamma prior of the degrees of freedom
  real<lower=0> nu_rate;
  int<lower=0, upper=1> student_t;        // 1: Student-t likelihood; 0: normal
}
parameters {
  vector[2] beta;                         // average intercept (ms at day 0) and slope (ms/day)
  vector<lower=0>[2] tau;                 // between-subject sds of intercepts and slopes
  matrix[2, J] z;                         // standardised subject effects
  real<lower=0> sigma;                    // residual sd (normal) or scale (Student-t)
  real<lower=0> nu;                       // degrees of freedom (Student-t only)
}
transformed parameters {
  matrix[J, 2] u = diag_pre_multiply(tau, z)';  // subject deviations
}
model {
  vector[N] mu = beta[1] + u[subject, 1] + (beta[2] + u[subject, 2]) .* days;
  beta ~ normal(beta_loc, beta_scale);
  tau ~ normal(0, tau_scale);
  sigma ~ normal(0, sigma_scale);
  to_vector(z) ~ std_normal();
  nu ~ gamma(nu_shape, nu_rate);
  if (student_t) {
    reaction ~ student_t(nu, mu, sigma);
  } else {
    reaction ~ normal(mu, sigma);
  }
}
