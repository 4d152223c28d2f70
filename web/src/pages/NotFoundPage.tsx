import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

export default function NotFoundPage() {
  return (
    <Stack gap="sm">
      <Title order={1}>Page not found</Title>
      <Text>This address does not match a page in Needlework.</Text>
      <Anchor component={Link} to="/patients">
        Go to patients
      </Anchor>
    </Stack>
  );
}
