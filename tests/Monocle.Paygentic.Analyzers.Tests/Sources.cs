namespace Monocle.Paygentic.Analyzers.Tests;

/// <summary>The usings every test source starts with.</summary>
internal static class Sources
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Monocle.Paygentic;
        using OpenAI.Chat;

        """;

    /// <summary>A service with a generated-style billable method, written by hand so the test needs no generator.</summary>
    public const string Assistant = Usings + """
        public partial class Assistant
        {
            private readonly ChatClient _chat;
            public Assistant(ChatClient chat) => _chat = chat;

            [BillableInference("openai")]
            public partial string Ask(string question);

            public partial string Ask(string question) => AskCore(question);

            private string AskCore(string question) => _chat.CompleteChat(question).Value.Content[0].Text;
        }

        """;
}
