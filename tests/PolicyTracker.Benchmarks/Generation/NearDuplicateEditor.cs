namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// Turns an original body into the kind of copy another outlet republishes: a few words swapped for
/// synonyms, the last paragraph trimmed, a sentence added. Dedup must still recognise it.
/// </summary>
internal static class NearDuplicateEditor
{
    private static readonly (string Word, string Replacement)[] Synonyms =
    [
        ("said", "stated"), ("rules", "regulations"), ("companies", "firms"), ("officials", "authorities"),
        ("government", "administration"), ("new", "fresh"), ("proposal", "plan"), ("lawmakers", "legislators"),
        ("critics", "opponents"), ("industry", "sector"), ("expected", "set"), ("major", "large"),
        ("including", "such as"), ("concerns", "worries"), ("months", "weeks"), ("help", "assist"),
        ("public", "general public"), ("released", "unveiled"), ("published", "issued"), ("developers", "builders"),
    ];

    /// <summary>Returns an edited copy of <paramref name="original"/>'s blocks (its disclaimer, if any, dropped).</summary>
    public static List<ArticleBlock> Edit(GeneratedArticle original, DeterministicRng rng, TemplateExpander expander)
    {
        var blocks = original.Blocks.ToList();
        if (original.HasAiDisclaimer)
        {
            blocks.RemoveAt(blocks.Count - 1);
        }

        var swaps = rng.Next(2, 6);
        for (var i = 0; i < swaps; i++)
        {
            SwapOneWord(blocks, rng);
        }

        TrimLastParagraph(blocks);
        var addition = expander.Sentence(rng.Pick(Templates.RepublishedAdditions));
        if (rng.Chance(0.5))
        {
            blocks.Add(ArticleBlock.Paragraph(addition));
        }
        else
        {
            var target = RandomParagraphIndex(blocks, rng);
            blocks[target] = ArticleBlock.Paragraph(blocks[target].Text + " " + addition);
        }

        return blocks;
    }

    private static void SwapOneWord(List<ArticleBlock> blocks, DeterministicRng rng)
    {
        var target = RandomParagraphIndex(blocks, rng);
        var text = blocks[target].Text;
        var first = rng.Next(Synonyms.Length);
        for (var i = 0; i < Synonyms.Length; i++)
        {
            var (word, replacement) = Synonyms[(first + i) % Synonyms.Length];
            var at = FindWholeWord(text, word);
            if (at >= 0)
            {
                blocks[target] = ArticleBlock.Paragraph(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + word.Length)));
                return;
            }
        }
    }

    private static void TrimLastParagraph(List<ArticleBlock> blocks)
    {
        var last = blocks.FindLastIndex(block => block.Kind == ArticleBlockKind.Paragraph);
        var text = blocks[last].Text;
        var sentenceEnd = text.IndexOf(". ", StringComparison.Ordinal);
        if (sentenceEnd > 0)
        {
            blocks[last] = ArticleBlock.Paragraph(text[..(sentenceEnd + 1)]);
        }
        else if (blocks.Count(block => block.Kind == ArticleBlockKind.Paragraph) > 4)
        {
            blocks.RemoveAt(last);
        }
    }

    private static int RandomParagraphIndex(List<ArticleBlock> blocks, DeterministicRng rng)
    {
        // Bodies always hold at least four paragraphs, so a few draws find one.
        while (true)
        {
            var index = rng.Next(blocks.Count);
            if (blocks[index].Kind == ArticleBlockKind.Paragraph)
            {
                return index;
            }
        }
    }

    private static int FindWholeWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || !char.IsLetter(text[at - 1]);
            var end = at + word.Length;
            var endsWord = end == text.Length || !char.IsLetter(text[end]);
            if (startsWord && endsWord)
            {
                return at;
            }
        }

        return -1;
    }
}
