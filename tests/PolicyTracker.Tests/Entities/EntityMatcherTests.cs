using PolicyTracker.Web.Entities;

namespace PolicyTracker.Tests.Entities;

/// <summary>The matcher on a small gazetteer written for the tests: aliases, unseen model versions, people, and what is not an entity.</summary>
public sealed class EntityMatcherTests
{
    static readonly EntityMatcher Matcher = new([
        new GazetteerEntry(1, "Office of Science and Technology Policy", EntityTypes.GovernmentBody,
            ["OSTP", "the White House's Office of Science and Technology Policy", "White House OSTP"]),
        new GazetteerEntry(2, "OpenAI", EntityTypes.Organization, ["Open AI"]),
        new GazetteerEntry(3, "GPT", EntityTypes.Model, ["ChatGPT", "GPT series"]),
        new GazetteerEntry(4, "GPT-5.6", EntityTypes.Model, ["GPT 5.6"]),
        new GazetteerEntry(5, "GLM", EntityTypes.Model, ["ChatGLM"]),
        new GazetteerEntry(6, "GLM-5.2", EntityTypes.Model, ["GLM 5.2"]),
        new GazetteerEntry(7, "Claude", EntityTypes.Model, ["Claude Opus", "Claude Sonnet"]),
        new GazetteerEntry(8, "Nova", EntityTypes.Model, ["Amazon Nova"]),
        new GazetteerEntry(9, "Ministry of Science and Technology", EntityTypes.GovernmentBody, ["MOST"]),
        new GazetteerEntry(10, "Naomi Achebe", EntityTypes.Person, ["Dr. Naomi Achebe"]),
    ]);

    static List<(string Text, string Name, string Type)> Find(string text) =>
        [.. Matcher.Find(text).Select(f => (text[f.Start..f.End], f.Name, f.Type))];

    [Fact]
    public void Aliases_map_to_the_canonical_name_and_a_parent_possessive_is_one_mention()
    {
        var found = Find("The White House's Office of Science and Technology Policy will lead the review. OSTP staff met OpenAI.");
        Assert.Equal([
            ("The White House's Office of Science and Technology Policy", "Office of Science and Technology Policy", EntityTypes.GovernmentBody),
            ("OSTP", "Office of Science and Technology Policy", EntityTypes.GovernmentBody),
            ("OpenAI", "OpenAI", EntityTypes.Organization)], found);
    }

    [Fact]
    public void Unseen_versions_of_known_families_are_models_with_a_canonical_name()
    {
        var found = Find("OpenAI's GPT 5.7 beat GLM-5.3 and Claude Sonnet 5.2, while Amazon Nova 2 and Qwen-free GLM-5.2 trailed. ChatGPT users noticed.");
        Assert.Contains(("GPT 5.7", "GPT-5.7", EntityTypes.Model), found);
        Assert.Contains(("GLM-5.3", "GLM-5.3", EntityTypes.Model), found);
        Assert.Contains(("Claude Sonnet 5.2", "Claude Sonnet 5.2", EntityTypes.Model), found);
        Assert.Contains(("Amazon Nova 2", "Nova 2", EntityTypes.Model), found);
        Assert.Contains(("GLM-5.2", "GLM-5.2", EntityTypes.Model), found); // the gazetteer's own entry
        Assert.Contains(("ChatGPT", "GPT", EntityTypes.Model), found);
        Assert.Contains(("OpenAI", "OpenAI", EntityTypes.Organization), found);
    }

    [Fact]
    public void Product_version_names_of_unknown_makers_are_models()
    {
        Assert.Contains(("XR-2.5", "XR-2.5", EntityTypes.Model), Find("The lab released XR-2.5 on Monday."));
        Assert.DoesNotContain(Find("Cases of COVID-19 fell."), f => f.Type == EntityTypes.Model);
    }

    [Fact]
    public void Ordinary_words_and_generic_uses_are_not_entities()
    {
        Assert.Empty(Find("Most agencies bought GPT-like tools; most said so."));
        Assert.Equal([("MOST", "Ministry of Science and Technology", EntityTypes.GovernmentBody)], Find("MOST said most tools were fine."));
        Assert.DoesNotContain(Find("Claude Fontaine said the tests were fine."), f => f.Type == EntityTypes.Model);
    }

    [Fact]
    public void People_are_found_by_name_title_and_later_surname()
    {
        var found = Find("Senator Mara Quillon opened the hearing. \"We will act,\" Quillon said, and Dr. Naomi Achebe agreed; Achebe added a caveat.");
        Assert.Equal([
            ("Mara Quillon", "Mara Quillon", EntityTypes.Person),
            ("Quillon", "Mara Quillon", EntityTypes.Person),
            ("Naomi Achebe", "Naomi Achebe", EntityTypes.Person),
            ("Achebe", "Naomi Achebe", EntityTypes.Person)], found);
    }

    [Fact]
    public void Names_with_diacritics_match_their_plain_spelling_and_unseen_bodies_are_found()
    {
        var matcher = new EntityMatcher([new GazetteerEntry(1, "Élodie Marchand", EntityTypes.Person, [])]);
        var text = "Elodie Marchand spoke to the Department of Veterans Affairs and Stanford University.";
        var found = matcher.Find(text).Select(f => (text[f.Start..f.End], f.Name, f.Type)).ToList();
        Assert.Equal([
            ("Elodie Marchand", "Élodie Marchand", EntityTypes.Person),
            ("Department of Veterans Affairs", "Department of Veterans Affairs", EntityTypes.GovernmentBody),
            ("Stanford University", "Stanford University", EntityTypes.Organization)], found);
    }
}
