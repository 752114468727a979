namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// One reading of a track's beat level: the envelope's best hypothesis (<paramref name="Ratio"/> 1)
/// or one of its musical relatives (half, double, 3/2) inside the BPM range,
/// with the evidence <see cref="MetricalLevelModel"/> weighs (<see cref="MetricalLevelModel.FeatureNames"/>).
/// </summary>
public sealed record MetricalLevel(double Bpm, double Ratio, double[] Features);
