// Temporary: replaced by the generator work.
