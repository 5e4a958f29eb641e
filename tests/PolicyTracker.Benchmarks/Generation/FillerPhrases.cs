using System.Text;
using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>Builds the noun phrases and subjects of filler clauses, keeping articles and numbers in agreement.</summary>
internal sealed class FillerPhrases(DeterministicRng rng, StoryContext story)
{
    /// <summary>Appends a singular or mass noun phrase ("the binding framework", "oversight").</summary>
    public void AppendNounPhrase(StringBuilder output)
    {
        if (rng.Chance(0.2))
        {
            AppendMassPhrase(output);
            return;
        }

        var adjective = rng.Chance(0.3) ? Vocabulary.Adjectives.Sample(rng) : null;
        var noun = Vocabulary.Noun(rng, plural: false);
        var determiner = rng.Pick(FunctionWords.SingularDeterminers);
        if (determiner == "a")
        {
            determiner = Vocabulary.IndefiniteArticle(adjective ?? noun);
        }

        output.Append(determiner).Append(' ');
        if (adjective is not null)
        {
            output.Append(adjective).Append(' ');
        }

        output.Append(noun);
    }

    private void AppendMassPhrase(StringBuilder output)
    {
        var roll = rng.NextDouble();
        if (roll < 0.2)
        {
            output.Append("the ");
        }
        else if (roll < 0.5)
        {
            output.Append(Vocabulary.Adjectives.Sample(rng)).Append(' ');
        }

        output.Append(Vocabulary.MassNouns.Sample(rng));
    }

    /// <summary>Builds a plural noun phrase ("several new developers").</summary>
    public string PluralPhrase()
    {
        var determiner = rng.Chance(0.75) ? rng.Pick(FunctionWords.PluralDeterminers) + " " : string.Empty;
        var adjective = rng.Chance(0.3) ? Vocabulary.Adjectives.Sample(rng) + " " : string.Empty;
        return determiner + adjective + Vocabulary.Noun(rng, plural: true);
    }

    /// <summary>Appends a noun phrase of any number, for verb objects.</summary>
    public void AppendObject(StringBuilder output)
    {
        var roll = rng.NextDouble();
        if (roll < 0.45)
        {
            AppendNounPhrase(output);
        }
        else if (roll < 0.8)
        {
            output.Append(PluralPhrase());
        }
        else
        {
            AppendMassPhrase(output);
        }
    }

    /// <summary>Appends a singular subject: a generic actor, the story's lab or agency, or a noun phrase.</summary>
    public void AppendSingularSubject(StringBuilder output)
    {
        var roll = rng.NextDouble();
        if (roll < 0.55)
        {
            output.Append(rng.Pick(FunctionWords.SingularSubjects));
        }
        else if (roll < 0.7)
        {
            output.Append(story.Lab.Name);
        }
        else if (roll < 0.85)
        {
            output.Append(story.Agency.ShortName);
        }
        else
        {
            var adjective = Vocabulary.Adjectives.Sample(rng);
            output.Append("the ").Append(adjective).Append(' ').Append(Vocabulary.Noun(rng, plural: false));
        }
    }
}
