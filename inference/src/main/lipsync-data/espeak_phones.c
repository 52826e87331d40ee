/*
 * espeak_phones: synthesise one sentence with espeak-ng's C API and record the phoneme events.
 *
 *   espeak_phones VOICE RATE PITCH OUT.wav OUT.events < sentence.txt
 *
 * Writes a 16-bit mono WAV at espeak-ng's native rate and one line per phoneme event:
 * "sample<TAB>mnemonic" (sample = position of the phoneme start in the WAV). The sentence end is
 * written as "sample<TAB>END". `espeak-ng --pho` only works with mbrola voices; the callback's
 * espeakEVENT_PHONEME events (espeakINITIALIZE_PHONEME_EVENTS) give the same timing for every voice.
 * Build: cc -O2 -o espeak_phones espeak_phones.c -lespeak-ng
 */
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static short *pcm = NULL;
static long npcm = 0, cap = 0;
static FILE *ev;

static int on_synth(short *wav, int n, espeak_EVENT *events) {
    for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED; e++) {
        if (e->type == espeakEVENT_PHONEME) {
            char name[9] = {0};
            memcpy(name, e->id.string, 8);
            fprintf(ev, "%d\t%s\n", e->sample, name);
        }
    }
    if (wav && n > 0) {
        if (npcm + n > cap) { cap = (npcm + n) * 2; pcm = realloc(pcm, cap * sizeof(short)); }
        memcpy(pcm + npcm, wav, n * sizeof(short));
        npcm += n;
    }
    return 0;
}

static void put32(FILE *f, unsigned v) { fputc(v & 255, f); fputc((v >> 8) & 255, f); fputc((v >> 16) & 255, f); fputc(v >> 24, f); }
static void put16(FILE *f, unsigned v) { fputc(v & 255, f); fputc((v >> 8) & 255, f); }

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: %s VOICE RATE PITCH OUT.wav OUT.events < text\n", argv[0]); return 2; }
    static char text[65536];
    size_t len = fread(text, 1, sizeof text - 1, stdin);
    text[len] = 0;
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_PHONEME_EVENTS);
    if (rate <= 0) { fprintf(stderr, "espeak_Initialize failed\n"); return 1; }
    if (espeak_SetVoiceByName(argv[1]) != EE_OK) { fprintf(stderr, "no voice %s\n", argv[1]); return 1; }
    espeak_SetParameter(espeakRATE, atoi(argv[2]), 0);
    espeak_SetParameter(espeakPITCH, atoi(argv[3]), 0);
    espeak_SetSynthCallback(on_synth);
    ev = fopen(argv[5], "w");
    if (!ev) { perror(argv[5]); return 1; }
    espeak_Synth(text, len + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    espeak_Synchronize();
    fprintf(ev, "%ld\tEND\n", npcm);
    fclose(ev);
    FILE *w = fopen(argv[4], "wb");
    if (!w) { perror(argv[4]); return 1; }
    fputs("RIFF", w); put32(w, 36 + npcm * 2); fputs("WAVEfmt ", w); put32(w, 16); put16(w, 1); put16(w, 1);
    put32(w, rate); put32(w, rate * 2); put16(w, 2); put16(w, 16); fputs("data", w); put32(w, npcm * 2);
    fwrite(pcm, sizeof(short), npcm, w);
    fclose(w);
    espeak_Terminate();
    return 0;
}
