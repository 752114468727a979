// Baseline for the tempo and key evaluation: Debian's libqm-dsp (the Queen Mary analysers
// behind Mixxx and Sonic Visualiser), driven the way their tempo and key plugins drive it.
// Reads mono float32 little-endian samples at 44,100 Hz on stdin; prints "bpm<TAB>tonic<TAB>minor"
// (tonic 0 = C, -1 when no key). Build: see build-qm-harness.sh.
#include <qm-dsp/dsp/onsets/DetectionFunction.h>
#include <qm-dsp/dsp/tempotracking/TempoTrackV2.h>
#include <qm-dsp/dsp/keydetection/GetKeyMode.h>
#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

int main()
{
    const int rate = 44100;
    std::vector<double> audio;
    float buffer[4096];
    size_t n;
    while ((n = fread(buffer, sizeof(float), 4096, stdin)) > 0)
        audio.insert(audio.end(), buffer, buffer + n);

    // Tempo: complex spectral difference onset function, 512-sample steps, as the QM
    // tempo tracker plugin and Mixxx configure it.
    DFConfig config{};
    config.stepSize = 512;
    config.frameLength = 1024;
    config.DFType = DF_COMPLEXSD;
    config.dbRise = 3;
    config.adaptiveWhitening = false;
    config.whiteningRelaxCoeff = -1;
    config.whiteningFloor = -1;
    DetectionFunction detection(config);
    std::vector<double> df;
    std::vector<double> frame(config.frameLength);
    for (size_t start = 0; start + config.frameLength <= audio.size(); start += config.stepSize) {
        std::copy(audio.begin() + start, audio.begin() + start + config.frameLength, frame.begin());
        df.push_back(detection.processTimeDomain(frame.data()));
    }
    double bpm = 0;
    if (df.size() > 4) {
        // The plugin drops the first two values, which only see the zero history.
        std::vector<double> trimmed(df.begin() + 2, df.end());
        TempoTrackV2 tracker(rate, config.stepSize);
        // The tracker writes one period per detection-function value into a pre-sized vector.
        std::vector<double> periods(trimmed.size()), tempi, beats;
        tracker.calculateBeatPeriod(trimmed, periods, tempi);
        tracker.calculateBeats(trimmed, periods, beats);
        std::vector<double> intervals;
        for (size_t i = 1; i < beats.size(); i++) intervals.push_back(beats[i] - beats[i - 1]);
        if (!intervals.empty()) {
            std::nth_element(intervals.begin(), intervals.begin() + intervals.size() / 2, intervals.end());
            double median = intervals[intervals.size() / 2];
            bpm = 60.0 * rate / (median * config.stepSize);
        }
    }

    // Key: the key mode estimator with the plugin defaults; the track's key is the one
    // reported for the most blocks.
    GetKeyMode keyMode(rate, 440.0f, 10, 10);
    const size_t block = keyMode.getBlockSize(), hop = keyMode.getHopSize();
    std::vector<double> keyFrame(block);
    std::map<int, int> counts;
    for (size_t start = 0; start + block <= audio.size(); start += hop) {
        std::copy(audio.begin() + start, audio.begin() + start + block, keyFrame.begin());
        int key = keyMode.process(keyFrame.data());
        if (key >= 1 && key <= 24) counts[key]++;
    }
    int tonic = -1, minor = 0, best = 0;
    for (auto [key, count] : counts)
        if (count > best) { best = count; tonic = (key - 1) % 12; minor = key > 12; }
    printf("%.3f\t%d\t%d\n", bpm, tonic, minor);
    return 0;
}
