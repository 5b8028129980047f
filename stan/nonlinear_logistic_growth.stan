// Nonlinear growth: a logistic curve per group, with a varying asymptote, non-centred.
// Data:   orange (data/orange.csv; Draper & Smith 1981; Pinheiro & Bates 2000, sec. 8.2):
//         trunk circumference of 5 trees at 7 ages
// Priors: Asym ~ normal(asym_loc, asym_scale) truncated at 0; xmid ~ normal(xmid_loc,
//         xmid_scale); scal ~ normal(scal_loc, scal_scale) truncated at 0;
//         tau ~ half-normal(0, tau_scale); a ~ normal(0, tau);
//         sigma ~ half-normal(0, sigma_scale). All data, from the dict GROWTH_PRIORS of
//         robust-nonlinear.md: asym_loc = 200, asym_scale = 100, xmid_loc = 750,
//         xmid_scale = 400, scal_loc = 350, scal_scale = 200, tau_scale = 50,
//         sigma_scale = 20.
// Pages:  chapters/04-glmm/robust-nonlinear.md
// PyMC:   chapters/04-glmm/robust-nonlinear.md, `growth_pymc`
//
// The logistic growth curve of R's SSlogis, with the asymptote varying by group:
//
//   y[i] ~ normal((Asym + a[j]) / (1 + exp(-(age[i] - xmid) / scal)), sigma),  j = group[i]
//   a[j] ~ normal(0, tau)
//
// Asym is the typical group's final size, xmid the age at which a group reaches half of
// its own asymptote, scal the age scale of the growth (from half to 1 / (1 + e^-1), about
// 73 %, of the asymptote takes scal days). The curve is nonlinear in xmid and scal, so no
// GLM formula writes it; it is linear in the asymptote, so a[j] integrates out exactly
// (the notebook's maximum-likelihood fit). The group deviations a[j] are non-centred by
// their multiplier.
data {
  int<lower=1> N;
  int<lower=1> J;                         // groups (trees)
  array[N] int<lower=1, upper=J> group;
  vector[N] age;                          // days
  vector[N] y;                            // circumference, mm
  real asym_loc;
  real<lower=0> asym_scale;
  real xmid_loc;
  real<lower=0> xmid_scale;
  real scal_loc;
  real<lower=0> scal_scale;
  real<lower=0> tau_scale;                // half-normal scale of the between-group sd
  real<lower=0> sigma_scale;              // half-normal scale of the residual sd
}
parameters {
  real<lower=0> Asym;                     // typical asymptote (mm)
  real xmid;                              // age at half the asymptote (days)
  real<lower=0> scal;                     // age scale of growth (days)
  real<lower=0> tau;                      // between-group sd of the asymptote (mm)
  vector<multiplier=tau>[J] a;            // group deviations from Asym (mm)
  real<lower=0> sigma;                    // residual sd (mm)
}
model {
  vector[N] growth = inv_logit((age - xmid) / scal);  // share of the asymptote reached
  Asym ~ normal(asym_loc, asym_scale);
  xmid ~ normal(xmid_loc, xmid_scale);
  scal ~ normal(scal_loc, scal_scale);
  tau ~ normal(0, tau_scale);
  a ~ normal(0, tau);
  sigma ~ normal(0, sigma_scale);
  y ~ normal((Asym + a[group]) .* growth, sigma);
}
