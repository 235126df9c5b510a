//! When is a rise more than noise? A one-sided Poisson test.
//!
//! Counts of incidents in a period are modelled as Poisson with the baseline (the mean
//! of the 8 previous periods of the same length) as its mean. A count is flagged when
//! it is above the baseline and the chance of seeing at least that many by chance is
//! below 5 %. The baseline is floored at 0.5, so a category that is usually silent is
//! flagged from 3 reports, not from 1.

/// The flagging threshold for the upper-tail probability.
pub const ALPHA: f64 = 0.05;

/// The smallest mean the test uses.
pub const MIN_MEAN: f64 = 0.5;

/// ln n!: summed exactly up to 256, Stirling's series above (error below 1e-12).
fn ln_factorial(n: u32) -> f64 {
    if n <= 256 {
        return (2..=n).map(|i| f64::from(i).ln()).sum();
    }
    let n = f64::from(n);
    n * n.ln() - n + 0.5 * (2.0 * std::f64::consts::PI * n).ln() + 1.0 / (12.0 * n)
        - 1.0 / (360.0 * n.powi(3))
}

/// P(X ≥ k) for X ~ Poisson(mean), computed in log space: the terms are summed from
/// the smaller tail outwards relative to its largest term, so nothing underflows
/// before the answer itself does (a plain e^−mean is 0 above a mean of about 745, a
/// big city's month, and then nothing could ever be flagged).
pub fn upper_tail(k: u32, mean: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    let mean = mean.max(1e-9);
    let ln_term = |i: u32| -mean + f64::from(i) * mean.ln() - ln_factorial(i);
    if f64::from(k) > mean {
        // The upper tail is the small one: P(X = k) · (1 + m/(k+1) + m²/((k+1)(k+2)) + …).
        let (mut sum, mut t, mut i) = (1.0f64, 1.0f64, k);
        while t > sum * 1e-17 && i < k.saturating_add(1_000_000) {
            i += 1;
            t *= mean / f64::from(i);
            sum += t;
        }
        (ln_term(k) + sum.ln()).exp().clamp(0.0, 1.0)
    } else {
        // The lower tail P(X ≤ k − 1) is the small one: sum downwards from k − 1.
        let top = k - 1;
        let (mut sum, mut t) = (1.0f64, 1.0f64);
        for i in (1..=top).rev() {
            t *= f64::from(i) / mean;
            sum += t;
            if t < sum * 1e-17 {
                break;
            }
        }
        (1.0 - (ln_term(top) + sum.ln()).exp()).clamp(0.0, 1.0)
    }
}

/// P(X ≤ k) for X ~ Poisson(mean).
pub fn lower_tail(k: u32, mean: f64) -> f64 {
    (1.0 - upper_tail(k + 1, mean)).clamp(0.0, 1.0)
}

/// Whether `count` is a fall below `baseline` unlikely to be noise, and its p-value.
pub fn fall(count: u32, baseline: f64) -> (bool, f64) {
    let p = lower_tail(count, baseline.max(MIN_MEAN));
    (f64::from(count) < baseline && p < ALPHA, p)
}

/// Whether `count` is a rise over `baseline` unlikely to be noise, and its p-value.
pub fn flag(count: u32, baseline: f64) -> (bool, f64) {
    let p = upper_tail(count, baseline.max(MIN_MEAN));
    (f64::from(count) > baseline && p < ALPHA, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_probabilities() {
        assert!((upper_tail(0, 2.0) - 1.0).abs() < 1e-12);
        // P(X ≥ 1 | 2) = 1 − e^−2
        assert!((upper_tail(1, 2.0) - (1.0 - (-2.0f64).exp())).abs() < 1e-12);
        // P(X ≥ 10 | 4) ≈ 0.00813
        assert!((upper_tail(10, 4.0) - 0.008132).abs() < 1e-5);
    }

    #[test]
    fn big_means_do_not_underflow() {
        // Reference values summed term by term with lgamma in double precision.
        for (k, mean, want) in [
            (1100, 1000.0, 0.000_962_630_405_866_280_4),
            (1050, 1000.0, 0.059_628_328_768_462_635),
            (10_300, 10_000.0, 0.001_432_365_367_479_013_5),
            (10_200, 10_000.0, 0.023_290_932_037_481_324),
            (800, 745.0, 0.023_900_746_391_153_208),
            (900, 745.0, 2.056_856_819_033_489e-8),
        ] {
            let got = upper_tail(k, mean);
            assert!(
                (got - want).abs() <= want * 1e-6,
                "P(X ≥ {k} | {mean}) = {got}, want {want}"
            );
        }
        assert!(flag(1100, 1000.0).0, "a big city's rise is flagged");
        assert!(flag(10_300, 10_000.0).0);
        assert!(!flag(10_050, 10_000.0).0, "a rise within the noise is not");
        // Below the mean the tail is large and close to 1 for a far smaller count.
        assert!(upper_tail(900, 1000.0) > 0.99);
        assert!((upper_tail(1, 2.0) - (1.0 - (-2.0f64).exp())).abs() < 1e-12);
    }

    #[test]
    fn flags_only_unlikely_rises() {
        assert!(!flag(6, 4.0).0, "6 against 4 is ordinary");
        assert!(flag(10, 4.0).0, "10 against 4 is not");
        assert!(!flag(2, 0.0).0);
        assert!(flag(3, 0.0).0, "3 where there usually are none");
        assert!(!flag(3, 5.0).0, "a fall is never flagged as a rise");
        assert!(fall(0, 8.0).0, "none where there usually are eight");
        assert!(!fall(5, 8.0).0, "five against eight is ordinary");
        assert!(!fall(9, 8.0).0, "a rise is never a fall");
        assert!(fall(900, 1000.0).0, "a big city's fall");
    }
}
