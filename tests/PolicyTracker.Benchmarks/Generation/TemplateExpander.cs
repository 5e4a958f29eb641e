using System.Globalization;
using System.Text;
using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>Fills template slots from one story's cast and Zipf-sampled vocabulary.</summary>
internal sealed class TemplateExpander(DeterministicRng rng, StoryContext story)
{
    // Deadlines cluster on round periods in real rules.
    private static readonly string[] DayCounts = ["7", "10", "14", "15", "30", "45", "60", "72", "90"];

    private readonly FillerPhrases _phrases = new(rng, story);

    /// <summary>Appends a template as a sentence, capitalising its first word.</summary>
    public void AppendSentence(StringBuilder output, Template template)
    {
        var start = output.Length;
        Append(output, template);
        CapitaliseWordAt(output, start);
    }

    /// <summary>Expands a template into a new string, capitalised as a sentence.</summary>
    public string Sentence(Template template)
    {
        var output = new StringBuilder(160);
        AppendSentence(output, template);
        return output.ToString();
    }

    /// <summary>Expands a template into a new string as-is (for list items that continue a sentence).</summary>
    public string Fragment(Template template)
    {
        var output = new StringBuilder(120);
        Append(output, template);
        return output.ToString();
    }

    private void Append(StringBuilder output, Template template)
    {
        foreach (var segment in template.Segments)
        {
            if (segment.Literal is { } literal)
            {
                output.Append(literal);
            }
            else
            {
                AppendSlot(output, segment.Slot);
            }
        }
    }

    private void AppendSlot(StringBuilder output, Slot slot)
    {
        switch (slot)
        {
            case Slot.NounPhrase: _phrases.AppendNounPhrase(output); return;
            case Slot.PluralPhrase: output.Append(_phrases.PluralPhrase()); return;
            case Slot.Object: _phrases.AppendObject(output); return;
            case Slot.SingularSubject: _phrases.AppendSingularSubject(output); return;
            case Slot.Clause: Append(output, rng.Pick(Templates.Clauses)); return;
            default: output.Append(Word(slot)); return;
        }
    }

    private string Word(Slot slot) => slot switch
    {
        Slot.Lab => story.Lab.Name,
        Slot.Rival => story.Rival.Name,
        Slot.Model => story.Model,
        Slot.Agency => story.Agency.Name,
        Slot.AgencyShort => story.Agency.ShortName,
        Slot.Instrument => story.Instrument.Name,
        Slot.Programme => story.Programme,
        Slot.Topic => story.Topic,
        Slot.SecondTopic => story.SecondTopic,
        Slot.Place => story.Agency.Jurisdiction.Place,
        Slot.Jurisdiction => story.Agency.Jurisdiction.Name,
        Slot.JurisdictionAdjective => story.Agency.Jurisdiction.Adjective,
        Slot.Legislature => story.Agency.Jurisdiction.Legislature,
        Slot.Official => story.Official,
        Slot.OfficialTitle => story.OfficialTitle,
        Slot.Commentator => story.Commentator,
        Slot.CommentatorTitle => story.CommentatorTitle,
        Slot.CommentatorOrganisation => story.CommentatorOrganisation,
        Slot.Outlet => story.Outlet.Name,
        Slot.Reporter => People.FullName(rng),
        Slot.Weekday => story.Weekday,
        Slot.Year => story.Year,
        Slot.Days => rng.Pick(DayCounts),
        Slot.Money => story.MoneyPhrase(rng),
        Slot.Flops => story.Flops,
        Slot.Percent => rng.Next(3, 61).ToString(CultureInfo.InvariantCulture),
        Slot.Count => rng.Next(3, 41).ToString(CultureInfo.InvariantCulture),
        Slot.Noun => Vocabulary.Noun(rng, plural: false),
        Slot.Nouns => Vocabulary.Noun(rng, plural: true),
        Slot.MassNoun => Vocabulary.MassNouns.Sample(rng),
        Slot.Adjective => Vocabulary.Adjectives.Sample(rng),
        Slot.Adverb => Vocabulary.Adverbs.Sample(rng),
        Slot.Verb => Vocabulary.Verb(rng, VerbForm.Base),
        Slot.VerbPast => Vocabulary.Verb(rng, VerbForm.Past),
        Slot.VerbParticiple => Vocabulary.Verb(rng, VerbForm.Participle),
        Slot.VerbThirdPerson => Vocabulary.Verb(rng, VerbForm.ThirdPerson),
        Slot.VerbGerund => Vocabulary.Verb(rng, VerbForm.Gerund),
        Slot.Preposition => Vocabulary.Prepositions.Sample(rng),
        Slot.Modal => rng.Pick(FunctionWords.Modals),
        Slot.Conjunction => rng.Pick(FunctionWords.ClauseConjunctions),
        Slot.PluralSubject => rng.Chance(0.7) ? rng.Pick(FunctionWords.PluralSubjects) : _phrases.PluralPhrase(),
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Phrase slots are expanded elsewhere."),
    };

    private static void CapitaliseWordAt(StringBuilder output, int start)
    {
        if (start >= output.Length || !char.IsLower(output[start]))
        {
            return;
        }

        // Brand names styled in lower case ("xAI") keep their styling even at the start of a sentence.
        for (var i = start + 1; i < output.Length && output[i] != ' '; i++)
        {
            if (char.IsUpper(output[i]))
            {
                return;
            }
        }

        output[start] = char.ToUpperInvariant(output[start]);
    }
}
